// Lexical retrieval over course passages with MiniSearch (BM25+ ranking, prefix and fuzzy
// matching), pure TypeScript so the same index runs in the server and in a browser.
import MiniSearch from "minisearch";
import type { CoursePassage } from "./passages.js";

/** A passage found for a query, with MiniSearch's relevance score (higher is closer). */
export interface RetrievedPassage {
  passage: CoursePassage;
  score: number;
}

/** Words too common in course text to tell passages apart. */
const STOP_WORDS = new Set(
  "a an and are as at be by can do does for from how i in is it its me of on or so that the this to what when where which who why with you your my we not".split(" "),
);

/** A search index over course passages. */
export class CourseIndex {
  readonly #search: MiniSearch<CoursePassage>;
  readonly #byId = new Map<string, CoursePassage>();

  constructor(passages: readonly CoursePassage[]) {
    this.#search = new MiniSearch<CoursePassage>({
      fields: ["title", "text"],
      processTerm: (term) => {
        const t = term.toLowerCase();
        return STOP_WORDS.has(t) ? null : t;
      },
      searchOptions: { boost: { title: 2 }, prefix: (term) => term.length > 3, fuzzy: (term) => (term.length > 5 ? 0.2 : false) },
    });
    for (const p of passages) {
      if (this.#byId.has(p.id)) throw new Error(`course passage id "${p.id}" appears twice`);
      this.#byId.set(p.id, p);
    }
    this.#search.addAll([...this.#byId.values()]);
  }

  /** The number of passages indexed. */
  get size(): number {
    return this.#byId.size;
  }

  /**
   * The passages that best match `query`, best first; `courses` limits them to those courses.
   * @example new CourseIndex(passages).search("half-life", { limit: 2, courses: ["pk-basics"] })
   */
  search(query: string, options: { limit?: number; courses?: readonly string[] } = {}): RetrievedPassage[] {
    const { limit = 3, courses } = options;
    const filter = courses === undefined ? {} : { filter: (r: { id: unknown }) => courses.includes(this.#byId.get(String(r.id))?.course ?? "") };
    const hits = this.#search.search(query.slice(0, 2000), filter);
    return hits.slice(0, limit).map((hit) => ({ passage: this.#byId.get(String(hit.id))!, score: hit.score }));
  }
}
