/** Why a template could not be turned into a card. */
export type CardTemplateProblem = 'unreadable' | 'not_json' | 'not_a_card';

/** A template in cards/ is missing, is not JSON, or does not expand to an Adaptive Card. A deployment fault. */
export class CardTemplateError extends Error {
  override readonly name = 'CardTemplateError';

  constructor(
    readonly template: string,
    readonly problem: CardTemplateProblem,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(`Card template "${template}" (${file}): ${describe(problem)}`, options);
  }
}

function describe(problem: CardTemplateProblem): string {
  switch (problem) {
    case 'unreadable':
      return 'the file cannot be read';
    case 'not_json':
      return 'the file is not valid JSON';
    case 'not_a_card':
      return 'it does not expand to an AdaptiveCard with a body';
  }
}
