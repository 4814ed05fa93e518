// Usage texts, kept apart from the commands so `pmxlab --help` loads no library code.

export const SIMULATE_USAGE = `pmxlab simulate --model NAME|FILE --data EVENTS.csv [--param K=V]... [--out OUT.csv]
                [--method auto|closed-form|ode] [--rtol R] [--atol A]
                [--format auto|csv|table] [--max-input SIZE]

Simulates every subject of a NONMEM-format dataset and prints CSV with columns
ID,TIME and the model's outputs (e.g. CP) for each observation row (EVID=0), in dataset order.
--format auto (default) prints a table of 6 significant digits on a terminal and full-precision
CSV everywhere else; --max-input bounds the data read (default 512MiB; e.g. 2GiB).`;

export const NCA_USAGE = `pmxlab nca --data CONC.csv [--out OUT.csv] [--auc-method linear-up/log-down|linear|log|lin-log]
           [--route extravascular|iv-bolus|iv-infusion] [--format auto|csv|table] [--max-input SIZE]

Non-compartmental analysis (PKNCA conventions) of every ID of a NONMEM-format dataset:
the dose is the ID's EVID=1 row, the samples its EVID=0 rows with MDV=0 (DV at TIME).
Prints CSV with one row per ID: ID,cmax,tmax,tlast,clast.obs,auclast,lambda.z,r.squared,
adj.r.squared,half.life,aucinf.obs,cl.obs,vz.obs and further PKNCA parameters, then
exclude (why a value is ".") and notes. Default AUC method linear-up/log-down.`;
