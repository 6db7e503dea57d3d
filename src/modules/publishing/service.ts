import { createArticles, PUBLISH_JOB } from './articles.ts';
import { createCategories } from './categories.ts';
import type { PublishingDeps } from './deps.ts';
import { createLegalDocuments } from './documents.ts';
import { createMediaLibrary } from './media.ts';
import { createPublicRead } from './public-read.ts';

/**
 * The portal newsroom: categories, the media library, articles with their editorial workflow,
 * legal documents, and the published read side the public pages use.
 */
export function createPublishingService(deps: PublishingDeps) {
  const categories = createCategories(deps);
  const media = createMediaLibrary(deps);
  const articles = createArticles(deps);
  const documents = createLegalDocuments(deps);
  const portal = createPublicRead(deps, media);
  deps.jobs.register(PUBLISH_JOB, (payload: { articleId: string; at: string }) => articles.runScheduled(payload));
  return { categories, media, articles, documents, portal };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
