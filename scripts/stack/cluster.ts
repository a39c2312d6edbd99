// `with-stack.ts --cluster`: the scale-out layout on one machine (docs/scale-out.md, "Running a
// cluster"). A second livekit-server node on the same LiveKit Redis (its own signal, TCP and UDP
// ports: the stack's UDP range is split in two), a second app replica on the same database and
// app Redis, and Caddy in front of both replicas as a plain-http round-robin balancer, which is
// where LiveKit's webhooks go. Replica i talks to LiveKit node i (its LIVEKIT_URL and API URL),
// so a client reaches node 1 or node 2 depending on the replica that gave it its token.
// Ingress and egress stay one each: they register with LiveKit through Redis and serve rooms on
// either node.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { type AppMode, startApp } from './app';
import { type LocalLivekit, writeLocalLivekitConfig } from './livekit';
import { type LivekitSupervisor, superviseLivekit } from './livekit-supervisor';
import { isTornDown, type Env, type Service, killService, log, runCapture, startService, stopService, waitForHttp } from './processes';

/** The cluster's extra loopback ports, all inside the stack's block of 100 (+ STACK_PORT_OFFSET). */
export function clusterPorts(offset: number) {
  return {
    /** Replica B's HTTP port and its metrics port (replica A keeps 3100 and 7895). */
    replicaB: 3170 + offset,
    replicaBMetrics: 7898 + offset,
    /** The balancer (Caddy, plain http), and the http_port Caddy must not default to 80. */
    balancer: 3171 + offset,
    balancerHttp: 3172 + offset,
    /** LiveKit node 2: signal, ICE/TCP (its Prometheus port is signal + 4: 7904). */
    signal2: 7900 + offset,
    rtcTcp2: 7901 + offset,
    /** The stack's UDP range 50100-50199 split between the nodes. */
    udp1: [50100 + offset, 50149 + offset] as const,
    udp2: [50150 + offset, 50199 + offset] as const,
  };
}
export type ClusterPorts = ReturnType<typeof clusterPorts>;

export function clusterPortNames(p: ClusterPorts): Record<string, number> {
  return {
    'replica B': p.replicaB,
    'replica B metrics': p.replicaBMetrics,
    balancer: p.balancer,
    'balancer http_port': p.balancerHttp,
    'LiveKit node 2 signal': p.signal2,
    'LiveKit node 2 ICE/TCP': p.rtcTcp2,
    'LiveKit node 2 metrics': p.signal2 + 4,
  };
}

/** A plain-http Caddyfile: round robin over the replicas; a refused connection (a killed replica) is retried on the other. */
export function balancerCaddyfile(p: ClusterPorts, upstreams: number[]): string {
  return `{
\tadmin off
\tauto_https off
\tdefault_bind 127.0.0.1
\thttp_port ${p.balancerHttp}
}

http://127.0.0.1:${p.balancer} {
\t# The harness's readiness check: the balancer itself, before any replica is up.
\trespond /.balancer 204
\treverse_proxy ${upstreams.map((u) => `127.0.0.1:${u}`).join(' ')} {
\t\tlb_policy round_robin
\t\tlb_try_duration 5s
\t\tfail_duration 10s
\t\tflush_interval -1
\t}
}
`;
}

/** Starts the balancer; resolves once it answers (the replicas start later). */
export async function startBalancer(dir: string, p: ClusterPorts, upstreams: number[], track: Service[]): Promise<{ url: string }> {
  await runCapture('caddy', ['version'], process.env).catch(() => {
    throw new Error("caddy is not installed: --cluster needs Debian's caddy package (make setup installs it)");
  });
  const file = path.join(dir, 'Caddyfile.cluster');
  writeFileSync(file, balancerCaddyfile(p, upstreams));
  const env: Env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const service = startService('caddy (balancer)', 'caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    env,
    logFile: path.join(dir, 'balancer.log'),
  });
  track.push(service);
  void service.exited.then((code) => {
    if (!service.stopRequested && !isTornDown(track)) log(`the balancer (caddy) EXITED UNEXPECTEDLY with ${code}; see balancer.log`);
  });
  const url = `http://127.0.0.1:${p.balancer}`;
  await waitForHttp(`${url}/.balancer`, { timeoutMs: 30_000, service, accept: (status) => status === 204 });
  log(`balancer ready on ${url} (round robin over ${upstreams.join(', ')})`);
  return { url };
}

/** One app replica the control endpoint can stop, SIGKILL and start again. */
export class AppReplica {
  private service: Service | undefined;
  constructor(
    readonly name: string,
    private readonly start_: () => Promise<Service>,
    private readonly track: Service[],
  ) {}

  async start(): Promise<void> {
    if (this.service) throw new Error(`${this.name} is already running`);
    this.service = await this.start_();
  }

  /** SIGTERM (the lease is given back) or SIGKILL (a crash: the lease runs out). */
  async stop(kill = false): Promise<void> {
    const s = this.service;
    if (!s) return;
    log(`test asked to ${kill ? 'SIGKILL' : 'stop'} ${this.name} (pid ${s.child.pid ?? '?'})`);
    this.service = undefined;
    await (kill ? killService(s) : stopService(s));
    const i = this.track.indexOf(s);
    if (i !== -1) this.track.splice(i, 1);
  }
}

export interface ReplicaSpec {
  root: string;
  env: Env;
  port: number;
  logFile: string;
  mode: AppMode;
}

export function appReplica(name: string, spec: ReplicaSpec, track: Service[]): AppReplica {
  return new AppReplica(name, () => startApp(spec.root, spec.env, spec.port, spec.logFile, track, spec.mode), track);
}

/** What the tests get: the replicas' own URLs and metrics, the LiveKit nodes, LiveKit's Redis. */
export function clusterTestEnv(p: ClusterPorts, offset: number, livekitRedis: string): Env {
  return {
    STACK_REPLICA_URLS: [`http://127.0.0.1:${3100 + offset}`, `http://127.0.0.1:${p.replicaB}`].join(','),
    STACK_REPLICA_METRICS: [`http://127.0.0.1:${7895 + offset}/metrics`, `http://127.0.0.1:${p.replicaBMetrics}/metrics`].join(','),
    STACK_LIVEKIT_URLS: [`ws://127.0.0.1:${7890 + offset}`, `ws://127.0.0.1:${p.signal2}`].join(','),
    STACK_LIVEKIT_REDIS_URL: `redis://${livekitRedis}`,
  };
}

/** Replica B: A's environment with its own LiveKit node and metrics port, on its own port (log: replica-b.log). */
export function replicaB(spec: { root: string; env: Env; dir: string; mode: AppMode }, p: ClusterPorts, track: Service[]): AppReplica {
  const env: Env = {
    ...spec.env,
    METRICS_PORT: String(p.replicaBMetrics),
    LIVEKIT_URL: `ws://127.0.0.1:${p.signal2}`,
    LIVEKIT_API_URL: `http://127.0.0.1:${p.signal2}`,
  };
  const logFile = path.join(spec.dir, 'replica-b.log');
  return appReplica('replica B', { root: spec.root, env, port: p.replicaB, logFile, mode: spec.mode }, track);
}

/** LiveKit node 1 and, in a cluster, node 2 beside it (its own ports, the same Redis and webhook), each supervised. */
export async function startLivekitNodes(
  root: string,
  bin: string,
  node1: { config: LocalLivekit; configFile: string; logFile: string },
  cluster: ClusterPorts | undefined,
  track: Service[],
): Promise<LivekitSupervisor[]> {
  const { config, configFile, logFile } = node1;
  writeLocalLivekitConfig(root, configFile, cluster ? { ...config, udpPortRange: cluster.udp1 } : config);
  const starts = [superviseLivekit(bin, configFile, logFile, config.signalPort, track)];
  if (cluster) {
    const file2 = path.join(path.dirname(configFile), 'livekit-2.yaml');
    writeLocalLivekitConfig(root, file2, {
      ...config,
      signalPort: cluster.signal2,
      rtcTcpPort: cluster.rtcTcp2,
      udpPortRange: cluster.udp2,
    });
    starts.push(superviseLivekit(bin, file2, path.join(path.dirname(logFile), 'livekit-2.log'), cluster.signal2, track));
  }
  return Promise.all(starts);
}
