// Per-user request budgets, held in memory (the service is one process): past its budget a
// user's request is answered 429 with Retry-After, before its body is even read.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { HttpError } from "./body.js";

/** Takes one request from `user`'s budget, or throws the 429 saying when to try again. */
export type RateLimit = (user: string) => Promise<void>;

/** A budget of `perMinute` requests per user; `what` names them in the refusal ("tutor requests"). */
export function perUserRate(perMinute: number, what: string): RateLimit {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (user) => {
    try {
      await limiter.consume(user);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.ceil(e.msBeforeNext / 1000);
      throw new HttpError(429, `too many ${what}; try again in ${seconds} s`, { "retry-after": String(seconds) });
    }
  };
}
