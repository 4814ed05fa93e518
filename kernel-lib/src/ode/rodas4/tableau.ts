/**
 * Coefficients of Rodas4 (Hairer & Wanner, Solving Ordinary Differential Equations II,
 * 2nd ed., Springer 1996: Rosenbrock methods §IV.7, Rodas §VI.4), as in their code RODAS
 * (METH = 1), in the transformed variables U_i = h·Σ γ_ij k_j: γ; nodes c2–c4; stage-argument
 * weights a21–a54 (the 6th argument is the 5th plus U5 and y1 is the 6th plus U6, which makes
 * the method stiffly accurate and U6 its error estimate); stage coupling c21–c65; γ-sums
 * g1–g4 multiplying h·∂f/∂t; dense-output weights d21–d35 (3rd order). Internal.
 */
export const RODAS4_TABLEAU = Object.freeze({
  gamma: 0.25,

  c2: 0.386,
  c3: 0.21,
  c4: 0.63,

  g1: 0.25,
  g2: -0.1043,
  g3: 0.1035,
  g4: -0.3620000000000023e-1,

  a21: 0.1544e1,
  a31: 0.9466785280815826,
  a32: 0.2557011698983284,
  a41: 0.3314825187068521e1,
  a42: 0.2896124015972201e1,
  a43: 0.9986419139977817,
  a51: 0.1221224509226641e1,
  a52: 0.6019134481288629e1,
  a53: 0.1253708332932087e2,
  a54: -0.687886036105895,

  c21: -0.56688e1,
  c31: -0.2430093356833875e1,
  c32: -0.2063599157091915,
  c41: -0.1073529058151375,
  c42: -0.9594562251023355e1,
  c43: -0.2047028614809616e2,
  c51: 0.7496443313967647e1,
  c52: -0.1024680431464352e2,
  c53: -0.3399990352819905e2,
  c54: 0.117089089320616e2,
  c61: 0.8083246795921522e1,
  c62: -0.7981132988064893e1,
  c63: -0.3152159432874371e2,
  c64: 0.1631930543123136e2,
  c65: -0.6058818238834054e1,

  d21: 0.1012623508344586e2,
  d22: -0.7487995877610167e1,
  d23: -0.3480091861555747e2,
  d24: -0.7992771707568823e1,
  d25: 0.1025137723295662e1,
  d31: -0.6762803392801253,
  d32: 0.6087714651680015e1,
  d33: 0.1643084320892478e2,
  d34: 0.2476722511418386e2,
  d35: -0.6594389125716872e1,
});
