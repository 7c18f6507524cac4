/** The progress dashboard of a learner: the figures, worked out from the stored aggregates. */
import { bank } from '$lib/bank';
import { deviceTimeZone } from '$lib/clock';
import { computeDashboard, type Dashboard } from '$lib/domain/progress';
import { isListed, type Attempt } from '$lib/domain/records';
import { listAttempts, loadDashboardData } from '$lib/storage/progress';

export interface ProgressView {
	dashboard: Dashboard;
	/** The learner's quizzes for the history list (none left before their first answer). */
	attempts: Attempt[];
}

export async function loadProgress(learnerId: string, now = Date.now()): Promise<ProgressView> {
	// The aggregates (one record per item and per study day), never every answer.
	const [{ itemStats, dayStats, cards }, attempts] = await Promise.all([
		loadDashboardData(learnerId),
		listAttempts(learnerId)
	]);
	const dashboard = computeDashboard({
		itemStats,
		dayStats,
		cards,
		items: bank.items,
		topics: bank.topics,
		now,
		// The zone the aggregates' dates were recorded in.
		timeZone: deviceTimeZone()
	});
	return { dashboard, attempts: attempts.filter(isListed) };
}
