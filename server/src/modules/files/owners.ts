import type { TCtx } from '../../context';
import { getAssignment } from '../directives/assignments';
import { loadVisibleCircular } from '../directives/circulars';
import { loadAspirantFor } from '../elections/documents';
import { loadVisiblePerson } from '../people/queries';
import { assertInstanceVisible } from '../programmes/queries';
import { loadVisibleStop } from '../tours/queries';

/**
 * Who may fetch a file is decided by the record it belongs to: each owner type names the check that
 * throws (404/403) unless the actor may see that record. A later owner (a meeting report's photos, a
 * programme report's) adds its own line here.
 */
export const FILE_OWNERS = {
  /** A person's photo: whoever may see the person. */
  person: async (ctx: TCtx, personId: number) => {
    await loadVisiblePerson(ctx, personId);
  },
  /** A tour stop report's photo: whoever may see the stop. */
  tour_stop: async (ctx: TCtx, stopId: number) => {
    await loadVisibleStop(ctx, stopId);
  },
  /** An assignment report's photo: whoever may see the assignment. */
  assignment: async (ctx: TCtx, assignmentId: number) => {
    await getAssignment(ctx, assignmentId);
  },
  /** A circular's attachment: whoever may see the circular. */
  circular: async (ctx: TCtx, circularId: number) => {
    await loadVisibleCircular(ctx, circularId);
  },
  /** An aspirant's document: those with a role over the aspirant's seat. */
  aspirant: async (ctx: TCtx, aspirantId: number) => {
    await loadAspirantFor(ctx, aspirantId, 'viewer');
  },
  /** A programme event report's photo: whoever may see the event. */
  programme_instance: async (ctx: TCtx, instanceId: number) => {
    await assertInstanceVisible(ctx, instanceId);
  },
} as const satisfies Record<string, (ctx: TCtx, ownerId: number) => Promise<void>>;

export type TFileOwnerType = keyof typeof FILE_OWNERS;

export const isFileOwnerType = (v: string): v is TFileOwnerType => Object.hasOwn(FILE_OWNERS, v);
