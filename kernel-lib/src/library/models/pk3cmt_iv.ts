/**
 * Three-compartment model, IV dosing (NONMEM ADVAN11): central with two peripherals.
 * Defaults CL 5 L/h, V1 20 L, Q2 10 L/h, V2 40 L, Q3 2 L/h, V3 100 L (a typical lipophilic drug).
 * Reference: Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. 2016.
 */
export const pk3cmt_iv = `$MODEL pk3cmt_iv
$DESCRIPTION Three-compartment model with IV dosing (bolus or infusion into CMT 1, central)
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and Applications, 5th ed. Swedish Pharmaceutical Press; 2016. (NONMEM ADVAN11)
$TIME h
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 5 : L/h : clearance
V1 = 20 : L : central volume
Q2 = 10 : L/h : clearance to the shallow peripheral compartment
V2 = 40 : L : shallow peripheral volume
Q3 = 2 : L/h : clearance to the deep peripheral compartment
V3 = 100 : L : deep peripheral volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
central : mg : central compartment
periph1 : mg : shallow peripheral compartment
periph2 : mg : deep peripheral compartment
$ODE
d/dt(central) = -CL/V1*central - Q2/V1*central + Q2/V2*periph1 - Q3/V1*central + Q3/V3*periph2
d/dt(periph1) = Q2/V1*central - Q2/V2*periph1
d/dt(periph2) = Q3/V1*central - Q3/V3*periph2
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
`;
