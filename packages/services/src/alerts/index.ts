export {
  createAlertRule,
  MAX_ALERT_RULES_PER_USER,
  type CreateAlertRuleOptions,
} from './create-alert-rule.js';
export { deleteAlertRule } from './delete-alert-rule.js';
export { evaluateArticleAlerts, type EvaluateArticleAlertsOptions } from './evaluate-article-alerts.js';
export { evaluateWindowAlerts } from './evaluate-window-alerts.js';
export { markNotificationsRead } from './mark-notifications-read.js';
export { queueAlertEvaluation } from './queue-alert-evaluation.js';
export { recordFiring, recordFirings, type FiringCandidate, type FiringInput } from './record-firing.js';
export type { RuleTarget } from './rule-target.js';
export { updateAlertRule, type UpdateAlertRuleOptions } from './update-alert-rule.js';
