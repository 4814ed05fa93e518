export { runTool, toolSpec, type GroundingTool, type ToolOutput } from "./tool.js";
export { simulateTool } from "./simulate-tool.js";
export { ncaTool } from "./nca-tool.js";
export { checkTool, type CheckLookup } from "./check-tool.js";
export { checkNumbers, type NumberGuardResult } from "./number-guard.js";
export { formatValue, normaliseUnit, numbersIn, sameNumber, type NumberInText } from "./numbers.js";
export { courseChecks, expectedValues, type ExpectedValue } from "./course-checks.js";
