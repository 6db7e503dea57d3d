/**
 * Portal home page throughput, as a ratio against a bare node:http server that serves the
 * same bytes (same headers, same body) in the same run on the same machine. Only the ratio is
 * meaningful: absolute rates depend on the machine and on the load generator sharing its cores.
 *
 *   npm run bench            (wrk if installed, else autocannon)
 *   BENCH_SECONDS=20 npm run bench
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, hasWrk, waitFor } from './http-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function measure(url: string): Promise<number> {
  if (hasWrk()) {
    // Asynchronous: the bare server lives in this process and must keep answering meanwhile.
    const stdout = await new Promise<string>((resolve, reject) => {
      const wrk = spawn('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '-H', 'Accept-Encoding: gzip', url]);
      let out = '';
      wrk.stdout.on('data', (d) => (out += d));
      wrk.on('error', reject);
      wrk.on('exit', () => resolve(out));
    });
    const m = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
    if (!m) throw new Error(`wrk output not understood:\n${stdout}`);
    return Number(m[1]);
  }
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip' } });
  return result.requests.average;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'minhbach-bench-'));
  const appPort = await freePort();
  const app: ChildProcess = spawn(process.execPath, ['bin/minhbach.js', 'serve'], {
    env: { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-password' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let bare: ReturnType<typeof createHttpServer> | undefined;
  try {
    const appUrl = `http://127.0.0.1:${appPort}/`;
    await waitFor(`http://127.0.0.1:${appPort}/healthz`);
    // Copy the exact response (gzip body and headers) so both servers send the same bytes.
    const sample = await fetch(appUrl, { headers: { 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await sample.arrayBuffer());
    const headers: Record<string, string> = {};
    sample.headers.forEach((v, k) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'].includes(k)) headers[k] = v;
    });
    const gz = (await import('node:zlib')).gzipSync(body);
    bare = createHttpServer((_req, res) => {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': gz.length });
      res.end(gz);
    });
    const barePort = await freePort();
    await new Promise<void>((r) => bare!.listen(barePort, '127.0.0.1', r));

    console.log(`Trang chủ: ${body.length} byte HTML, ${gz.length} byte gzip; ${seconds}s mỗi lượt, ${connections} kết nối, ${hasWrk() ? 'wrk' : 'autocannon'}`);
    await measure(appUrl); // warm-up: JIT, page cache
    const bareRate = await measure(`http://127.0.0.1:${barePort}/`);
    const appRate = await measure(appUrl);
    console.log(`node:http (cùng nội dung): ${bareRate.toFixed(0)} req/s`);
    console.log(`Minh Bạch  GET /         : ${appRate.toFixed(0)} req/s`);
    console.log(`Tỉ lệ app / node:http    : ${(appRate / bareRate).toFixed(2)}`);
  } finally {
    bare?.close();
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
