import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capRequestBody, planBody } from './body-cap';

describe('planBody', () => {
  it('refuses a declared length over the cap, counts chunked bodies, passes the rest', () => {
    expect(planBody({ 'content-length': '65537' }, 65536)).toEqual({ kind: 'refuse' });
    expect(planBody({ 'content-length': '65536' }, 65536)).toEqual({ kind: 'pass' });
    expect(planBody({ 'transfer-encoding': 'chunked' }, 65536)).toEqual({ kind: 'count' });
    expect(planBody({}, 65536)).toEqual({ kind: 'pass' });
  });
});

// A real node:http server behind the cap, its handler reading whatever body it is given.
describe('capRequestBody on a real server', () => {
  const CAP = 1024;
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) =>
      capRequestBody(req, res, CAP, (capped) => {
        const chunks: Buffer[] = [];
        capped.on('data', (c: Buffer) => chunks.push(c));
        capped.on('end', () => res.end(`read ${Buffer.concat(chunks).toString()} (${capped.headers['content-length']})`));
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  /** Sends `first`, then holds the body open: only an answer given without the rest resolves. */
  const held = (headers: Record<string, string>, first: Buffer) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(first);
    });

  it('answers 413 from Content-Length before the body is sent', async () => {
    const reply = await held({ 'content-length': String(50 * 1024 * 1024) }, Buffer.alloc(10));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: 'payload_too_large', message: 'Request body is too large (at most 1024 bytes).' },
    });
  });

  it('cuts a chunked body at the cap', async () => {
    const reply = await held({ 'transfer-encoding': 'chunked' }, Buffer.alloc(CAP + 1, 0x61));
    expect(reply.status).toBe(413);
  });

  it('is read by a client that keeps sending fast (no reset before the answer), 20 times in a row', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const once = () =>
      new Promise<number>((resolve, reject) => {
        let answered = false;
        const req = http.request(
          { port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': String(1024 * 1024 * 1024) } },
          (res) => {
            answered = true;
            res.resume();
            res.on('end', () => {
              resolve(res.statusCode ?? 0);
              req.destroy();
            });
          },
        );
        req.on('error', (err) => (answered ? undefined : reject(err)));
        const pump = () => {
          if (answered) return;
          if (req.write(chunk)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
      });
    for (let i = 0; i < 20; i++) expect(await once()).toBe(413);
  });

  it('tells the client not to reuse the connection', async () => {
    const reply = await new Promise<string | undefined>((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': String(CAP + 1) } }, (res) => {
        res.resume();
        resolve(res.headers.connection);
      });
      req.on('error', reject);
      req.end(Buffer.alloc(CAP + 1));
    });
    expect(reply).toBe('close');
  });

  it('replays a chunked body within the cap whole, with its length', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.write('hello ');
      req.end('world');
    });
    expect(reply).toBe('read hello world (11)');
  });
});
