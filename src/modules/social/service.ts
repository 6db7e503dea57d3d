import { createChannels } from './channels.ts';
import { createDelivery } from './deliver.ts';
import { seedDemoChannels } from './demo.ts';
import { DELIVER_JOB, type SocialDeps } from './deps.ts';
import { createManualPosts } from './manual.ts';
import { createPosts } from './posts.ts';

/**
 * Social channels: Facebook Pages and Zalo OAs connected with encrypted secrets and a token
 * health state machine, cross-posts sent by the job queue (deliver.ts explains how nothing is
 * lost or sent twice), posts recorded by hand, and their evidence on the plan's tasks.
 */
export function createSocialService(deps: SocialDeps) {
  // The channels resume waiting posts through the delivery, which reads secrets through the channels.
  const channels = createChannels(deps, (trx, d) => delivery.resume(trx, d));
  const delivery = createDelivery(deps, channels);
  const posts = createPosts(deps, channels, delivery);
  const manual = createManualPosts(deps);
  deps.jobs.register(DELIVER_JOB, (payload: { deliveryId: string; at: string }) => delivery.run(payload));
  return { channels, posts, manual, /** Demo seed only. */ seedDemo: (agencyId: string) => seedDemoChannels(deps.database, agencyId) };
}

export type SocialService = ReturnType<typeof createSocialService>;
