import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { placeholdersIn, renderConfigTemplate, renderLivekitConfig } from './render-livekit-config';

const template = readFileSync(path.join(__dirname, '..', 'deploy', 'livekit.yaml'), 'utf8');

const vars = {
  LIVEKIT_API_KEY: 'radio-prod',
  LIVEKIT_API_SECRET: 'Yq3vN8pT1xK6wR0mZ4bH7cJ2fL9sD5gA-Ue8iOa3Wn6Rt1Mk',
  APP_URL: 'https://radio.example.com',
  REDIS_ADDRESS: '127.0.0.1:7892',
  LIVEKIT_DOMAIN: 'lk.example.com',
  TURN_DOMAIN: 'turn.example.com',
};

type Config = {
  port: number;
  rtc: Record<string, unknown>;
  redis?: { address: string; db?: number };
  keys: Record<string, string>;
  webhook: { api_key: string; urls: string[] };
  turn?: { domain: string };
  ingress: { rtmp_base_url: string };
  room?: Record<string, unknown>;
};

const render = (v: Record<string, string> = vars, o = {}): Config => parse(renderLivekitConfig(template, v, o)) as Config;

describe('renderLivekitConfig', () => {
  it('substitutes every placeholder of the production template', () => {
    const text = renderLivekitConfig(template, vars);
    expect(text).not.toContain('${');
    const config = parse(text) as Config;
    expect(config.keys).toEqual({ 'radio-prod': 'Yq3vN8pT1xK6wR0mZ4bH7cJ2fL9sD5gA-Ue8iOa3Wn6Rt1Mk' });
    expect(config.redis?.address).toBe('127.0.0.1:7892');
    expect(config.turn?.domain).toBe('turn.example.com');
    expect(config.ingress.rtmp_base_url).toBe('rtmp://lk.example.com:1935/x');
    expect(config.port).toBe(7880);
    expect(config.rtc).toMatchObject({ tcp_port: 7881, port_range_start: 50000, port_range_end: 60000 });
    expect(config.rtc.use_external_ip).toBe(true);
  });

  it('lets the server unmute a track, in production and in loopback runs (the OBS green room)', () => {
    expect(render().room?.enable_remote_unmute).toBe(true);
    expect(render(vars, { nodeIp: '127.0.0.1', signalPort: 7890, redis: null }).room?.enable_remote_unmute).toBe(true);
  });

  it('lists the placeholders the template uses', () => {
    expect(placeholdersIn(template)).toEqual(Object.keys(vars).sort());
  });

  it('names every missing or empty variable instead of rendering blanks', () => {
    const partial: Record<string, string> = { ...vars, APP_URL: '' };
    delete partial.REDIS_ADDRESS;
    delete partial.TURN_DOMAIN;
    expect(() => renderLivekitConfig(template, partial)).toThrow(/Missing or empty variables.*APP_URL, REDIS_ADDRESS, TURN_DOMAIN/);
  });

  it('keeps YAML-significant characters in values intact', () => {
    const secret = `a: b # c "d" ${'x'.repeat(32)}`;
    expect(render({ ...vars, LIVEKIT_API_SECRET: secret }).keys['radio-prod']).toBe(secret);
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(() => renderLivekitConfig(template, { ...vars, LIVEKIT_API_SECRET: 'short-secret' })).toThrow(
      /secret of API key "radio-prod" is 12 characters/,
    );
    expect(() => renderConfigTemplate('api_key: k\napi_secret: "${S}"\n', { S: 'x'.repeat(31) }, 't')).toThrow(
      /api_secret is 31 characters/,
    );
  });

  it("refuses the example files' placeholder secret, whatever its length", () => {
    expect(() =>
      renderLivekitConfig(template, { ...vars, LIVEKIT_API_SECRET: 'change-me-to-a-random-string-of-32-or-more-chars' }),
    ).toThrow(/secret of API key "radio-prod" is a placeholder/);
  });

  it('points the webhook at the app with the signing key', () => {
    const config = render();
    expect(config.webhook).toEqual({
      api_key: 'radio-prod',
      urls: ['https://radio.example.com/api/livekit/webhook'],
    });
  });

  it('applies loopback overrides for test runs', () => {
    const config = render(vars, {
      nodeIp: '127.0.0.1',
      signalPort: 7890,
      rtcTcpPort: 7891,
      udpPortRange: [50100, 50199],
      redis: { address: '127.0.0.1:7892', db: 9 },
      webhookUrl: 'http://127.0.0.1:3100/api/livekit/webhook',
      dropTurn: true,
    });
    expect(config.port).toBe(7890);
    expect(config.rtc).toMatchObject({
      node_ip: '127.0.0.1',
      use_external_ip: false,
      enable_loopback_candidate: true,
      ips: { includes: ['127.0.0.1/32'] },
      tcp_port: 7891,
      port_range_start: 50100,
      port_range_end: 50199,
    });
    expect(config.redis).toEqual({ address: '127.0.0.1:7892', db: 9 });
    expect(config.webhook.urls).toEqual(['http://127.0.0.1:3100/api/livekit/webhook']);
    expect(config.turn).toBeUndefined();
  });

  it('drops Redis entirely for single-node mode', () => {
    expect(render(vars, { redis: null }).redis).toBeUndefined();
  });

  it('rejects a template that is not YAML', () => {
    expect(() => renderLivekitConfig('port: [7880', vars)).toThrow(/not valid YAML/);
  });
});
