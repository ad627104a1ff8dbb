/**
 * The floor for a Teams create: botbuilder's CloudAdapter as its samples use it (adapter.process with a
 * parsed body), no authentication, a TeamsActivityHandler that answers every `adaptiveCard/action`
 * invoke with one Face PUT to the same emulator (plain undici) and a fixed card. What botbuilder plus the
 * one outbound call a create needs cost per request, and nothing else.
 */
import http from 'node:http';
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { floorCreateGroup } from './floor-put';

const card = (text: string) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text, weight: 'Bolder', wrap: true }],
});
const CREATED = card('Person group created');
const FAILED = card('Person group not created');

class FloorBot extends TeamsActivityHandler {
  constructor(private readonly emulatorUrl: string) {
    super();
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const id = String((invokeValue.action.data as { personGroupId?: unknown }).personGroupId);
    const created = await floorCreateGroup(this.emulatorUrl, id);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: created ? CREATED : FAILED,
    };
  }
}

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

const [port, emulatorUrl] = process.argv.slice(2);
if (!port || !emulatorUrl) throw new Error('usage: floor-teams <port> <emulatorUrl>');
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new FloorBot(emulatorUrl);

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
        console.error('floor botbuilder turn failed:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
});

server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
