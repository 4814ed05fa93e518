/**
 * Two-compartment model, IV dosing (NONMEM ADVAN3): central ⇄ peripheral, elimination from
 * central. Defaults CL 5 L/h, V1 50 L, Q 2 L/h, V2 100 L (the FIELD-NOTES benchmark subject).
 * Reference: Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. 2016.
 */
export const pk2cmt_iv = `$MODEL pk2cmt_iv
$DESCRIPTION Two-compartment model with IV dosing (bolus or infusion into CMT 1, central)
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and Applications, 5th ed. Swedish Pharmaceutical Press; 2016. (NONMEM ADVAN3)
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
$COMPARTMENTS
central : mg : central compartment
periph : mg : peripheral compartment
$ODE
d/dt(central) = -CL/V1*central - Q/V1*central + Q/V2*periph
d/dt(periph) = Q/V1*central - Q/V2*periph
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
`;
