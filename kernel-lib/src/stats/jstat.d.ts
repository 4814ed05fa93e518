// jstat 1.9.6 ships no type declarations; this declares the one function we use (stats/t-quantile.ts). Its types
// stay internal: no exported signature of pmxlab mentions them.
declare module "jstat" {
  const jStat: {
    /** Student's t distribution. */
    studentt: {
      /** The quantile (inverse CDF) at probability p for `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
