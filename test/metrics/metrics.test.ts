import { type BotHarness, startBotHarness } from '../helpers/bot-harness';
import { createInputs, USER } from '../helpers/teams-activities';
import { growth, parseSamples, type Samples } from './prometheus-text';

const KEY = 'metrics-key-0123456789abcdef';
const TENANT = 'tenant-metrics';

async function scrape(baseUrl: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('GET /metrics after a known sequence of requests', () => {
  let bot: BotHarness;
  let before: Samples;
  let after: Samples;
  let contentType: string | null;

  beforeAll(async () => {
    bot = await startBotHarness({
      config: { faceActionLimits: { perUserPerMinute: 2, perWorkspacePerMinute: 60 } },
    });
    await bot.configure(`teams:${TENANT}`, KEY);
    before = parseSamples((await scrape(bot.baseUrl)).text);
    // 1. created at the first attempt; 2. created after one 503 and a retry; 3. refused by the user limit.
    await bot.teamsInvoke(TENANT, 'personGroupCreate', createInputs('metrics-one'), USER);
    bot.emulator.injectFaults({ kind: 'server_error', status: 503 }, 1);
    await bot.teamsInvoke(TENANT, 'personGroupCreate', createInputs('metrics-two'), USER);
    await bot.teamsInvoke(TENANT, 'personGroupCreate', createInputs('metrics-three'), USER);
    const scraped = await scrape(bot.baseUrl);
    contentType = scraped.type;
    after = parseSamples(scraped.text);
  });
  afterAll(() => bot?.close());

  it("is Prometheus' text format", () => {
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('counts requests by platform and verb', () => {
    expect(
      growth(before, after, 'persongroup_requests_total{platform="teams",command="personGroupCreate"}'),
    ).toBe(3);
  });

  it('counts outcomes by kind, refusals included', () => {
    const outcome = (action: string, kind: string) =>
      growth(before, after, `persongroup_outcomes_total{action="${action}",outcome="${kind}"}`);
    expect(outcome('create_person_group', 'created')).toBe(2);
    expect(outcome('rate_limited', 'user_limit')).toBe(1);
  });

  it('counts Face attempts by status, their retries and their latency', () => {
    const face = (name: string) => growth(before, after, name);
    expect(face('persongroup_face_responses_total{method="PUT",status="200"}')).toBe(2);
    expect(face('persongroup_face_responses_total{method="PUT",status="503"}')).toBe(1);
    expect(face('persongroup_face_retries_total{method="PUT"}')).toBe(1);
    expect(face('persongroup_face_request_duration_seconds_count{method="PUT"}')).toBe(3);
    expect(face('persongroup_face_request_duration_seconds_bucket{le="+Inf",method="PUT"}')).toBe(3);
    expect(face('persongroup_face_request_duration_seconds_sum{method="PUT"}')).toBeGreaterThan(0);
  });

  it("times the store's operations", () => {
    expect(
      growth(
        before,
        after,
        'persongroup_store_operation_duration_seconds_count{operation="appendAudit",result="ok"}',
      ),
    ).toBe(1);
    // The two creates that called the Face API store their claim's result and their audit entry at once.
    expect(
      growth(
        before,
        after,
        'persongroup_store_operation_duration_seconds_count{operation="finishClaimAndAudit",result="ok"}',
      ),
    ).toBe(2);
    expect(
      growth(
        before,
        after,
        'persongroup_store_operation_duration_seconds_count{operation="admitWithinLimits",result="ok"}',
      ),
    ).toBe(3);
  });

  it('shows no work in flight once every answer is in', () => {
    expect(after.get('persongroup_in_flight{work="command"}')).toBe(0);
    expect(after.get('persongroup_in_flight{work="face_call"}')).toBe(0);
  });

  it("includes the process' own metrics", () => {
    expect(after.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-0123456789';
  const bots: BotHarness[] = [];
  afterAll(() => Promise.all(bots.map((bot) => bot.close())));
  async function start(host: string, metricsToken?: string) {
    const bot = await startBotHarness({ config: { host, ...(metricsToken ? { metricsToken } : {}) } });
    bots.push(bot);
    return bot;
  }

  it('is off on a non-loopback HOST without METRICS_TOKEN', async () => {
    const bot = await start('0.0.0.0');
    const answer = await scrape(bot.baseUrl);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('persongroup_');
  });

  it('asks for the bearer token on a non-loopback HOST with METRICS_TOKEN, and answers with it', async () => {
    const bot = await start('0.0.0.0', TOKEN);
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, TOKEN]) {
      const answer = await scrape(bot.baseUrl, authorization ? { authorization } : {});
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain('persongroup_');
    }
    const answer = await scrape(bot.baseUrl, { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('persongroup_requests_total');
  });

  it('is open on a loopback HOST without a token', async () => {
    const bot = await start('127.0.0.1');
    expect((await scrape(bot.baseUrl)).status).toBe(200);
  });
});
