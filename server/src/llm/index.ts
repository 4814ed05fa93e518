export { OpenAiTutor, type OpenAiTutorOptions } from "./openai-tutor.js";
export { FallbackTutor } from "./fallback-tutor.js";
export { upstreamFailure, UpstreamTimeout } from "./failure.js";
export { backendSelector, type BackendSources } from "./select.js";
