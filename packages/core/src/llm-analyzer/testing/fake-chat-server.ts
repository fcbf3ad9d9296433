/**
 * A real HTTP server on 127.0.0.1 that speaks just enough of the OpenAI
 * chat-completions protocol for the analyzer tests: each request is answered
 * by the test's handler, and the server records what it received and how
 * many requests were in flight at once.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  seed?: number;
  response_format?: {
    type: string;
    json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> };
  };
  [key: string]: unknown;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as the body; a string is sent as is. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type FakeHandler = (request: ReceivedRequest, index: number) => FakeReply;

export interface FakeChatServer {
  /** `http://127.0.0.1:<port>` — no `/v1`. */
  origin: string;
  requests: ReceivedRequest[];
  maxInFlight: number;
  setHandler(handler: FakeHandler): void;
  close(): Promise<void>;
}

export async function startFakeChatServer(initial: FakeHandler): Promise<FakeChatServer> {
  let handler = initial;
  let inFlight = 0;
  const state = { requests: [] as ReceivedRequest[], maxInFlight: 0 };

  const server = createServer((req, res) => {
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        inFlight -= 1;
      }
    };
    // A client that times out closes the socket; the request stops counting as in flight then.
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody,
      };
      const index = state.requests.length;
      state.requests.push(received);
      const reply = handler(received, index);
      const send = () => {
        if (res.destroyed) return;
        const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    setHandler(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A chat-completions response whose message content is `content` (objects are serialised). */
export function completion(
  content: unknown,
  usage = { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
): FakeReply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: typeof content === 'string' ? content : JSON.stringify(content),
          },
          finish_reason: 'stop',
        },
      ],
      usage,
    },
  };
}

/** A reply in the LLM-facing schema that passes validation. */
export function goodOutput(): Record<string, unknown> {
  return {
    sentiment: { label: 'Bearish', score: -0.6, confidence: 0.8 },
    importance: {
      score: 8,
      eventType: 'export-controls',
      eventWeight: 1,
      companyProminence: 1,
      coverage: 0.25,
      novelty: 1,
    },
    summary:
      'The US restricted exports of advanced AI chips to China, and Nvidia said the rules will cut its data-centre revenue.',
    analysis: [
      'The US Commerce Department announced new export controls on advanced AI chips.',
      'Nvidia said the rules will reduce its data-centre revenue from China.',
      'The company expects to give an update with its next quarterly results.',
    ],
    takeaways: [
      'New US export controls cover advanced AI chips.',
      'Nvidia expects lower China revenue.',
      'An update is due with the next results.',
    ],
    companies: [
      {
        name: 'NVIDIA Corporation',
        relevance: 1,
        sentimentScore: -0.7,
        sentences: ['Nvidia said the rules will reduce its data-centre revenue from China.'],
      },
    ],
    topics: [
      { slug: 'geopolitics-trade', relevance: 0.9 },
      { slug: 'ai', relevance: 0.7 },
    ],
    language: 'en',
    eventTypes: ['export-controls'],
  };
}
