// Estimation: individual fits (least squares, ML), Bayesian MAP for dosing, population FOCE-I.
export { fitIndividual } from "./fit.js";
export type { IndividualFitOptions } from "./fit.js";
export { IndividualFit } from "./individual-fit.js";
export type { FitParameter, FitTable, IndividualFitFields } from "./individual-fit.js";
export type { FitStatus } from "./levenberg-marquardt.js";
export type { ParameterScale, ParameterSetup } from "./transform.js";
export { subjectObservations } from "./observations.js";
export type { SubjectObservations } from "./observations.js";
export { observedVsPredicted, fitOverTime } from "./fit-plots.js";
export type { ObservedPredicted } from "./fit-plots.js";
export { EstimationError } from "./estimation-error.js";
export { mapEstimate } from "./map.js";
export type { MapOptions } from "./map.js";
export { MapEstimate } from "./map-estimate.js";
export type { MapEstimateFields } from "./map-estimate.js";
export { doseForTarget } from "./dose-for-target.js";
export type { DoseForTarget, DoseForTargetOptions } from "./dose-for-target.js";
