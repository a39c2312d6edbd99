import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderLivekitConfig } from '../render-livekit-config';
import { ingressPorts, ingressUrls, writeLocalIngressConfig } from './ingress';

const root = path.resolve(__dirname, '..', '..');

describe('local ingress config', () => {
  const ports = ingressPorts(19450 + 200, 51100 + 200);

  it('derives every port from the stack offset and keeps WHIP UDP apart from LiveKit', () => {
    expect(ports).toEqual({ rtmp: 19650, whip: 19651, relay: 19652, health: 19653, udp: [51300, 51309] });
    expect(ingressUrls(ports)).toEqual({ rtmpBaseUrl: 'rtmp://127.0.0.1:19650/x', whipBaseUrl: 'http://127.0.0.1:19651/w' });
  });

  it('renders deploy/ingress.yaml with loopback values, private to its owner', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ingress-')), 'ingress.yaml');
    const secret = 'Yq3vN8pT1xK6wR0mZ4bH7cJ2fL9sD5gA-Ue8iOa3Wn6Rt1Mk';
    writeLocalIngressConfig(root, file, {
      ports,
      signalPort: 8090,
      redis: { address: '127.0.0.1:8092', db: 0 },
      apiKey: 'k',
      apiSecret: secret,
    });
    const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      api_key: 'k',
      api_secret: secret,
      ws_url: 'ws://127.0.0.1:8090',
      redis: { address: '127.0.0.1:8092' },
      rtmp_port: 19650,
      whip_port: 19651,
      http_relay_port: 19652,
      health_port: 19653,
      // A node IP of its own: no public STUN servers (and no DNS lookups) in a WHIP answer's 5 s.
      rtc_config: { udp_port: '51300-51309', node_ip: '127.0.0.1', use_external_ip: false, ips: { includes: ['127.0.0.1/32'] } },
      logging: { level: 'warn' },
    });
    expect(config.prometheus_port).toBeUndefined();
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('tells LiveKit the same URLs it hands to OBS', () => {
    const template = readFileSync(path.join(root, 'deploy', 'livekit.yaml'), 'utf8');
    const vars = {
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 'Yq3vN8pT1xK6wR0mZ4bH7cJ2fL9sD5gA-Ue8iOa3Wn6Rt1Mk',
      APP_URL: 'http://x',
      REDIS_ADDRESS: 'r:1',
      LIVEKIT_DOMAIN: 'lk.example.com',
      TURN_DOMAIN: 't',
    };
    const prod = parse(renderLivekitConfig(template, vars)) as { ingress: Record<string, string> };
    expect(prod.ingress).toEqual({ rtmp_base_url: 'rtmp://lk.example.com:1935/x', whip_base_url: 'https://lk.example.com/w' });
    const local = parse(renderLivekitConfig(template, vars, { ingress: ingressUrls(ports) })) as { ingress: Record<string, string> };
    expect(local.ingress).toEqual({ rtmp_base_url: 'rtmp://127.0.0.1:19650/x', whip_base_url: 'http://127.0.0.1:19651/w' });
  });
});
