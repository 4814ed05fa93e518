/**
 * Two-compartment IV PK coupled to an indirect response of type I (inhibition of KIN):
 * the classic PK/PD teaching example of a delayed, turnover-limited response.
 * dR/dt = KIN·(1 − IMAX·C/(IC50 + C)) − KOUT·R, R(0) = KIN/KOUT. Defaults illustrative.
 * Reference: Sharma A, Jusko WJ. Characteristics of indirect pharmacodynamic models and
 * applications to clinical drug responses. Br J Clin Pharmacol. 1998;45(3):229-239.
 * doi:10.1046/j.1365-2125.1998.00676.x
 */
export const pk2cmt_idr = `$MODEL pk2cmt_idr
$DESCRIPTION Two-compartment IV PK (doses into CMT 1, central) with an indirect response, type I (inhibition of production)
$REFERENCE Sharma A, Jusko WJ. Characteristics of indirect pharmacodynamic models and applications to clinical drug responses. Br J Clin Pharmacol. 1998;45(3):229-239. doi:10.1046/j.1365-2125.1998.00676.x
$TIME h
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 5 : L/h : clearance
V1 = 50 : L : central volume
Q = 2 : L/h : inter-compartmental clearance
V2 = 100 : L : peripheral volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
KIN = 10 : 1/h : zero-order production rate of the response
KOUT = 0.2 : 1/h : first-order loss rate constant of the response
IMAX = 1 : 1 : maximum fractional inhibition
IC50 = 0.5 : mg/L : concentration giving half the maximum inhibition
$COMPARTMENTS
central : mg : central compartment
periph : mg : peripheral compartment
R : 1 : response
$DERIVED
C = central/V1
$ODE
d/dt(central) = -CL/V1*central - Q/V1*central + Q/V2*periph
d/dt(periph) = Q/V1*central - Q/V2*periph
d/dt(R) = KIN*(1 - IMAX*C/(IC50 + C)) - KOUT*R
$INIT
R(0) = KIN/KOUT
$OUTPUTS
CP = C : mg/L : plasma concentration
RESP = R : 1 : response
`;
