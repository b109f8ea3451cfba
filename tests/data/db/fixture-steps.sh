# The content every schema-version fixture holds, written through the CLI as a user would.
# Sourced by make-v<N>.sh, which defines ys() (the CLI on the fixture's database).

ys org add east-midlands --name "East Midlands" --type region
ys org add northwold --name "Northwold County Council (fictional)" --type county --region "East Midlands" \
    --ons E10000099 --parent east-midlands
ys org add northwold-childrens --name "Northwold Children's Services" --type department --parent northwold
ys org add bro-ffug --name "Cyngor Bro Ffug — ŵŷ (fictional)" --type unitary --region Wales

round=$(ys round new --org northwold --questionnaire council-quick-check@1.0 --period 2026)
[ "$round" = "northwold.2026.council-quick-check" ]

ys respondent add "$round" --role senior-leader --key r1 --name "Alex Example" --email alex@example.org >/dev/null
ys respondent add "$round" --role analyst --key r2 >/dev/null
ys respondent add "$round" --role frontline --key r3 >/dev/null

ys answer set "$round" r1 qc-strategy --value l3 --evidence "Strategy agreed by cabinet, 2025" --confidence 0.8 >/dev/null
ys answer set "$round" r1 qc-culture --value l2 >/dev/null
ys answer set "$round" r1 qc-challenge --value agree >/dev/null
ys answer set "$round" r1 qc-skills --value l2 >/dev/null
ys answer set "$round" r2 qc-strategy --value l2 >/dev/null
ys answer set "$round" r2 qc-data-quality --value l1 --evidence "No data quality reports" >/dev/null
ys answer set "$round" r2 qc-tools --value l3 >/dev/null
ys answer set "$round" r2 qc-challenge --value strongly-disagree >/dev/null
ys answer set "$round" r3 qc-strategy --value l1 >/dev/null
ys answer set "$round" r3 qc-use --dont-know >/dev/null
ys answer set "$round" r3 qc-decisions --value disagree >/dev/null
