/**
 * Simeoni tumour growth inhibition model: unperturbed growth exponential (LAMBDA0) then
 * linear (LAMBDA1), switching smoothly (PSI = 20); drug (one-compartment IV, concentration C)
 * damages proliferating cells (K2·C) that die through three transit compartments (K1).
 * Time in days. Growth and transit parameters as published for the control and paclitaxel
 * arms: LAMBDA0 0.273 /d, LAMBDA1 0.814 g/d, K1 0.968 /d, K2 6.29e-4 (ng/mL)⁻¹d⁻¹ = 0.629 L/(mg·d).
 * The drug's PK parameters are illustrative.
 * Reference: Simeoni M, Magni P, Cammia C, et al. Predictive pharmacokinetic-pharmacodynamic
 * modeling of tumor growth kinetics in xenograft models after administration of anticancer
 * agents. Cancer Res. 2004;64(3):1094-1101. doi:10.1158/0008-5472.CAN-03-2524
 */
export const simeoni = `$MODEL simeoni
$DESCRIPTION Simeoni tumour growth inhibition with one-compartment IV drug (doses into CMT 1, central); time in days
$REFERENCE Simeoni M, Magni P, Cammia C, et al. Predictive pharmacokinetic-pharmacodynamic modeling of tumor growth kinetics in xenograft models after administration of anticancer agents. Cancer Res. 2004;64(3):1094-1101. doi:10.1158/0008-5472.CAN-03-2524
$TIME day
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 2 : L/day : drug clearance
V = 1 : L : drug volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : day : lag time of doses into compartment 1
LAMBDA0 = 0.273 : 1/day : exponential growth rate
LAMBDA1 = 0.814 : g/day : linear growth rate
K1 = 0.968 : 1/day : transit rate of damaged cells
K2 = 0.629 : L/(mg*day) : drug potency
PSI = 20 : 1 : switch sharpness between growth phases
W0 = 0.05 : g : initial tumour weight
$COMPARTMENTS
central : mg : drug amount
X1 : g : proliferating cells
X2 : g : damaged cells, stage 1
X3 : g : damaged cells, stage 2
X4 : g : damaged cells, stage 3
$DERIVED
C = central/V
W = X1 + X2 + X3 + X4
$ODE
d/dt(central) = -CL/V*central
d/dt(X1) = LAMBDA0*X1/(1 + (LAMBDA0/LAMBDA1*W)^PSI)^(1/PSI) - K2*C*X1
d/dt(X2) = K2*C*X1 - K1*X2
d/dt(X3) = K1*(X2 - X3)
d/dt(X4) = K1*(X3 - X4)
$INIT
X1(0) = W0
$OUTPUTS
CP = C : mg/L : drug concentration
WEIGHT = W : g : tumour weight
`;
