// The usage text alone, so `pmxlab --help` lists `fit` without loading the estimation code.
export const FIT_USAGE = `pmxlab fit --model NAME|FILE --data DATA.csv [--method focei|saem] [--out DIR]
           --theta NAME=INITIAL... [--omega NAME=VARIANCE]... [--sigma additive=V|proportional=V]...
           [--no-covariance] [--npde N] [--vpc N]

Population fit (FOCE-I with NONMEM's OFV, or SAEM) of a NONMEM-format dataset. THETA names model
parameters (typical values); --omega gives log-normal between-subject variances (default
0.1 on every THETA); --sigma the residual variances (default additive=1). Prints a summary;
with --out DIR writes estimates.csv (parameter, estimate, se, rse), table.csv
(ID,TIME,DV,PRED,IPRED,RES,IWRES,CWRES), etas.csv and summary.txt. Progress (iteration,
OFV) goes to stderr. A fit that does not converge writes its results, says why, and exits 1.
SAEM (diagonal OMEGA) takes its SEs, table.csv and EBEs from FOCE-I linearised at its
estimates; with --no-covariance it writes estimates without SEs (".") and no table.csv.
--npde N writes npde.csv (ID,TIME,DV,PD,PDE,NPDE) and --vpc N vpc.csv (per time bin: observed
5th/50th/95th percentiles and the simulated ones' 90 % interval and median) from N simulated
replicates of the fitted model (they need --out).`;
