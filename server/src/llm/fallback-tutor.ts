// A tutor that asks the language model first and the offline tutor when the endpoint fails
// (429, 5xx, time-out, unreachable), saying so in the reply's notice.
import type { TutorBackend, TutorReply, TutorRequest } from "../tutor/types.js";
import { upstreamFailure } from "./failure.js";

export class FallbackTutor implements TutorBackend {
  readonly name: string;

  constructor(
    private readonly primary: TutorBackend,
    private readonly offline: TutorBackend,
    /** Told why the fallback happened (for the structured log). */
    private readonly onFallback: (reason: string, error: unknown) => void = () => {},
  ) {
    this.name = primary.name;
  }

  async reply(request: TutorRequest, options: { signal?: AbortSignal; onText?: (chunk: string) => void } = {}): Promise<TutorReply> {
    try {
      return await this.primary.reply(request, options);
    } catch (error) {
      const reason = upstreamFailure(error);
      if (reason === undefined || options.signal?.aborted) throw error;
      this.onFallback(reason, error);
      const reply = await this.offline.reply(request, options);
      const note = `The language model (${this.primary.name}) was unavailable — ${reason} — so the offline tutor answered.`;
      return { ...reply, notice: reply.notice ? `${note} ${reply.notice}` : note };
    }
  }
}
