export const defaults = {
  "billing.currency": "USD",
  "billing.trialDays": 14,
} as const;
