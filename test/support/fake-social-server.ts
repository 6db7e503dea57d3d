/**
 * Both social fakes as one process for the browser tests (a Playwright `webServer`): the Graph
 * API on FAKE_FACEBOOK_PORT and Zalo on FAKE_ZALO_PORT, driven by the spec over `POST /__control`.
 */
import { startFakeFacebook } from './fake-facebook.ts';
import { startFakeZalo } from './fake-zalo.ts';

const fb = await startFakeFacebook({ port: Number(process.env.FAKE_FACEBOOK_PORT) });
const zalo = await startFakeZalo({ port: Number(process.env.FAKE_ZALO_PORT) });
console.log(`fake Facebook ${fb.baseUrl}, fake Zalo ${zalo.url}`);
const stop = () => void Promise.all([fb.close(), zalo.close()]).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
