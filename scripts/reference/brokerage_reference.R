#!/usr/bin/env Rscript
# Writes Tests/Fixtures/reference/brokerage.json: Gould–Fernandez brokerage roles by statnet's
# sna::brokerage on seeded random directed graphs with random groups (and one with every node in
# one group), the reference for SimpleGraph.brokerage(groups:).
# Usage (Debian: r-base-core, r-cran-sna, r-cran-jsonlite):
#   Rscript scripts/reference/brokerage_reference.R > Tests/Fixtures/reference/brokerage.json
suppressMessages({ library(sna); library(jsonlite) })
set.seed(2026)
cases <- list()
for (k in 1:12) {
  n <- sample(5:30, 1)
  density <- runif(1, 0.05, 0.4)
  g <- rgraph(n, tprob = density)
  groups <- if (k == 12) rep(1, n) else sample(1:sample(2:5, 1), n, replace = TRUE)
  b <- brokerage(g, groups)$raw.nli
  edges <- which(g == 1, arr.ind = TRUE)
  cases[[k]] <- list(n = n, groups = groups - 1, sources = edges[, 1] - 1, targets = edges[, 2] - 1,
    coordinator = unname(b[, "w_I"]), itinerant = unname(b[, "w_O"]), representative = unname(b[, "b_IO"]),
    gatekeeper = unname(b[, "b_OI"]), liaison = unname(b[, "b_O"]))
}
cat(toJSON(list(source = paste("sna", packageVersion("sna"), "on R", getRversion(), "(scripts/reference/brokerage_reference.R)"), cases = cases),
  auto_unbox = FALSE, digits = NA, pretty = FALSE), "\n")
