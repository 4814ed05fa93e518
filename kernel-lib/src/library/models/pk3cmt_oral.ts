/**
 * Three-compartment model with first-order absorption (NONMEM ADVAN12): depot → central
 * with two peripherals. Defaults as pk3cmt_iv plus KA 1 /h.
 * Reference: Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. 2016.
 */
export const pk3cmt_oral = `$MODEL pk3cmt_oral
$DESCRIPTION Three-compartment model with first-order absorption (oral doses into CMT 1, depot)
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and Applications, 5th ed. Swedish Pharmaceutical Press; 2016. (NONMEM ADVAN12)
$TIME h
$ROUTES                      # the compartment each regimen route doses
oral = depot
iv = central
$PARAMETERS
KA = 1 : 1/h : absorption rate constant
CL = 5 : L/h : clearance
V1 = 20 : L : central volume
Q2 = 10 : L/h : clearance to the shallow peripheral compartment
V2 = 40 : L : shallow peripheral volume
Q3 = 2 : L/h : clearance to the deep peripheral compartment
V3 = 100 : L : deep peripheral volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
periph1 : mg : shallow peripheral compartment
periph2 : mg : deep peripheral compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V1*central - Q2/V1*central + Q2/V2*periph1 - Q3/V1*central + Q3/V3*periph2
d/dt(periph1) = Q2/V1*central - Q2/V2*periph1
d/dt(periph2) = Q3/V1*central - Q3/V3*periph2
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
`;
