/** Model texts and helpers shared by the model tests. */

/** The example of the pmxlab model format, verbatim from the project brief. */
export const BRIEF_EXAMPLE = `# comments start with '#', anywhere
$MODEL pk2cmt_oral
$DESCRIPTION Two-compartment model with first-order absorption
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. Swedish Pharmaceutical Press; 2016.
$TIME h                      # optional, default h: the unit of t
$PARAMETERS                  # NAME = value : unit : label   (unit "1" = dimensionless)
KA = 1.1 : 1/h : absorption rate constant
CL = 6 : L/h : clearance
V1 = 25 : L : central volume
Q = 3 : L/h : inter-compartmental clearance
V2 = 50 : L : peripheral volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COVARIATES                  # NAME = default : unit : label (values come from data)
WT = 70 : kg : body weight
$COMPARTMENTS                # name : unit : label   (CMT = 1, 2, ... in this order)
depot : mg : absorption depot
central : mg : central compartment
periph : mg : peripheral compartment
$DERIVED                     # NAME = expression, in order; units inferred
K10 = CL/V1
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - K10*central - Q/V1*central + Q/V2*periph
d/dt(periph) = Q/V1*central - Q/V2*periph
$INIT                        # optional; default 0
central(0) = 0
$OUTPUTS                     # NAME = expression : unit : label
CP = central/V1 : mg/L : plasma concentration
`;

/** One-compartment IV model; line 9 is the equation. */
export const ONE_CMT = `$MODEL one
$DESCRIPTION one-compartment IV bolus
$PARAMETERS
CL = 6 : L/h : clearance
V = 25 : L : volume
$COMPARTMENTS
central : mg : central amount
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = central/V : mg/L : plasma concentration
`;

/** Michaelis–Menten elimination with a constant input KIN (nonlinear). */
export const MICHAELIS_MENTEN = `$MODEL mm
$DESCRIPTION Michaelis-Menten elimination with a constant input
$PARAMETERS
VMAX = 10 : mg/h : maximum elimination rate
KM = 2 : mg/L : Michaelis constant
V = 20 : L : volume
KIN = 0.5 : mg/h : constant input
$COMPARTMENTS
central : mg : amount
$DERIVED
C = central/V
$ODE
d/dt(central) = KIN - VMAX*C/(KM + C)
$OUTPUTS
CP = C : mg/L : concentration
`;

/** Target-mediated drug disposition (Mager & Jusko 2001): second-order binding of drug and target. */
export const TMDD = `$MODEL tmdd_test
$DESCRIPTION full TMDD
$PARAMETERS
V = 3 : L : central volume
KEL = 0.1 : 1/h : elimination rate constant
KON = 0.5 : 1/(nM*h) : association rate constant
KOFF = 0.2 : 1/h : dissociation rate constant
KINT = 0.05 : 1/h : internalisation rate constant
KSYN = 0.3 : nM/h : target synthesis rate
KDEG = 0.1 : 1/h : target degradation rate constant
$COMPARTMENTS
A : nmol : free drug amount
R : nM : free target
RC : nM : complex
$DERIVED
L = A/V
BIND = KON*L*R - KOFF*RC
$ODE
d/dt(A) = -KEL*A - BIND*V
d/dt(R) = KSYN - KDEG*R - BIND
d/dt(RC) = BIND - KINT*RC
$INIT
R(0) = KSYN/KDEG
$OUTPUTS
CFREE = L : nM : free drug concentration
`;

/** mulberry32: a seeded uniform generator on [0, 1), so failures reproduce. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(f: () => unknown): Error & { line?: number; section?: string } {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, none was thrown");
}
