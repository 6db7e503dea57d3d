// autocannon ships no types; the benchmark uses only its promise form and average rate.
declare module 'autocannon' {
  const autocannon: (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<{ requests: { average: number } }>;
  export default autocannon;
}
