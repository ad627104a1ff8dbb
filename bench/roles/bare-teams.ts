/**
 * The framework baseline for Teams: botbuilder's CloudAdapter as its samples use it (adapter.process
 * with a parsed body), no authentication, a TeamsActivityHandler that answers every
 * `adaptiveCard/action` invoke with one fixed card. What botbuilder alone costs per request.
 */
import http from 'node:http';
import {
  type AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
} from 'botbuilder';

const FIXED_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Person group created', weight: 'Bolder', wrap: true }],
};

class FixedCardBot extends TeamsActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: FIXED_CARD };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new FixedCardBot();

/** The express-like response botbuilder writes to. */
function responseFor(res: http.ServerResponse) {
  return {
    socket: res.socket,
    status: (code: number) => {
      res.statusCode = code;
    },
    header: (name: string, value: unknown) => res.setHeader(name, String(value)),
    send: (body: unknown) => {
      if (typeof body === 'string') return res.write(body);
      res.setHeader('content-type', 'application/json');
      return res.write(JSON.stringify(body));
    },
    end: () => res.end(),
  };
}

const server = http.createServer((req, res) => {
  if (req.url === '/readyz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ready"}');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const request = { body, headers: req.headers, method: req.method ?? 'POST' };
    adapter
      .process(request, responseFor(res), (context) => bot.run(context))
      .catch((error: unknown) => {
        console.error('bare botbuilder turn failed:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
});

server.listen(Number(process.argv[2]), '127.0.0.1');
