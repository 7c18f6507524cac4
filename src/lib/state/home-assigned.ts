/**
 * The home page's list of accepted assignments, apart from `home.ts`: only a learner with
 * assignments loads it (HomeAssigned is imported when the count is above 0), so the
 * assignments' storage module stays out of a first visit.
 */
import type { ReceivedAssignment } from '$lib/domain/assignment';
import { listReceived } from '$lib/storage/assignments';

/** The learner's assignments, the most recently received first. */
export function listAssigned(learnerId: string): Promise<ReceivedAssignment[]> {
	return listReceived(learnerId);
}
