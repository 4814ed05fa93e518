/**
 * Direct Emax model on a one-compartment oral PK model: E = E0 + EMAX·CP/(EC50 + CP).
 * Defaults are illustrative (E0 0, EMAX 100, EC50 2 mg/L).
 * Reference: Holford NHG, Sheiner LB. Understanding the dose-effect relationship: clinical
 * application of pharmacokinetic-pharmacodynamic models. Clin Pharmacokinet. 1981;6(6):429-453.
 * doi:10.2165/00003088-198106060-00002
 */
export const emax = `$MODEL emax
$DESCRIPTION Direct Emax effect of the plasma concentration, one-compartment oral PK (doses into CMT 1, depot)
$REFERENCE Holford NHG, Sheiner LB. Understanding the dose-effect relationship: clinical application of pharmacokinetic-pharmacodynamic models. Clin Pharmacokinet. 1981;6(6):429-453. doi:10.2165/00003088-198106060-00002
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
E0 = 0 : 1 : baseline effect
EMAX = 100 : 1 : maximum drug effect
EC50 = 2 : mg/L : concentration giving half the maximum effect
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
$DERIVED
C = central/V
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V*central
$OUTPUTS
CP = C : mg/L : plasma concentration
E = E0 + EMAX*C/(EC50 + C) : 1 : drug effect
`;
