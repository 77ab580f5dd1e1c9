/**
 * ARM's per-subscription token buckets: 250 reads refilled at 25 a second and 200 writes at 10
 * a second. What is left goes out in x-ms-ratelimit-remaining-subscription-reads / -writes.
 */
export class SubscriptionThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly enabled: boolean) {}

  /** Takes a token; returns what is left, or the seconds to wait when the bucket is empty. */
  take(subscriptionId: string, kind: 'reads' | 'writes', now: number): { remaining: number } | { retryAfterSeconds: number } {
    const capacity = kind === 'reads' ? 250 : 200;
    const refillPerSecond = kind === 'reads' ? 25 : 10;
    const key = `${subscriptionId.toLowerCase()}/${kind}`;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (!this.enabled) return { remaining: Math.floor(bucket.tokens) };
    if (bucket.tokens < 1) return { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
    bucket.tokens -= 1;
    return { remaining: Math.floor(bucket.tokens) };
  }
}
