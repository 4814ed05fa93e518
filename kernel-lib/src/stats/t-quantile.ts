import jStat from "jstat";

/**
 * The quantile of Student's t distribution at probability `p` with `dof` degrees of freedom,
 * shared by the bioequivalence intervals (nca/) and the least-squares confidence intervals
 * (estimation/). jstat inverts the incomplete beta function: t(0.95, 10) = 1.81246110, the
 * table value to 1e-8.
 * @internal
 */
export function tQuantile(p: number, dof: number): number {
  return jStat.studentt.inv(p, dof);
}
