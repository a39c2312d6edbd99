// Next.js calls register() once when a server process starts.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself (not app config): the background loop needs Node, not the edge runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./server/log')).installConsoleBridge();
  const { startBackgroundLoop } = await import('./server/runtime');
  startBackgroundLoop();
  (await import('./server/metrics-server')).startMetricsServer();
}
