/**
 * Indirect response model type III (Jusko): stimulation of production KIN, driven by a one-compartment oral PK model.
 * dR/dt = KIN*(1 + EMAX*C/(EC50 + C)) - KOUT*R, with baseline R(0) = KIN/KOUT. Defaults are illustrative teaching values
 * (KIN 10 /h, KOUT 0.5 /h so R0 = 20; potency near the typical concentrations of 100 mg doses).
 * Reference: Dayneka NL, Garg V, Jusko WJ. Comparison of four basic models of indirect
 * pharmacodynamic responses. J Pharmacokinet Biopharm. 1993;21(4):457-478. doi:10.1007/BF01061691
 */
export const idr3 = `$MODEL idr3
$DESCRIPTION Indirect response type III (stimulation of production KIN) driven by one-compartment oral PK (doses into CMT 1, depot)
$REFERENCE Dayneka NL, Garg V, Jusko WJ. Comparison of four basic models of indirect pharmacodynamic responses. J Pharmacokinet Biopharm. 1993;21(4):457-478. doi:10.1007/BF01061691
$TIME h
$ROUTES                      # the compartment each regimen route doses
oral = depot
iv = central
$PARAMETERS
KA = 1.1 : 1/h : absorption rate constant
CL = 6 : L/h : clearance
V = 25 : L : volume of distribution
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
KIN = 10 : 1/h : zero-order production rate of the response
KOUT = 0.5 : 1/h : first-order loss rate constant of the response
EMAX = 2 : 1 : maximum fractional stimulation
EC50 = 2 : mg/L : concentration giving half the maximum stimulation
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
R : 1 : response
$DERIVED
C = central/V
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V*central
d/dt(R) = KIN*(1 + EMAX*C/(EC50 + C)) - KOUT*R
$INIT
R(0) = KIN/KOUT
$OUTPUTS
CP = C : mg/L : plasma concentration
RESP = R : 1 : response
`;
