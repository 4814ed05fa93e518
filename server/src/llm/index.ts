export { OpenAiTutor, type OpenAiTutorOptions } from "./openai-tutor.js";
export { FallbackTutor } from "./fallback-tutor.js";
export { LocalModelError, upstreamFailure, UpstreamTimeout } from "./failure.js";
export { GgufTutor, type GgufTutorOptions } from "./gguf-tutor.js";
export { backendSelector, type BackendSources } from "./select.js";
