#!/usr/bin/env Rscript
# Writes Tests/Fixtures/reference/qap.json: QAP regressions of real relations by statnet's sna
# (netlm, netlogit, qaptest with gcor), the reference for `coalition qap` and QAP.regression.
# Inputs, read here independently of the Swift code:
#   Tests/Fixtures/reference/qap/votes-coincidence.csv  UN vote coincidence 2015–2019 (a,b,coincidence;
#       made by `coalition alignment --format csv`, see scripts/qap/real-case.sh);
#   Tests/Fixtures/data/atop5_1_undirected_2018.csv    ATOP 5.1 alliances in 2018 (COW codes), any pact = 1;
#   Tests/Fixtures/data/cow_contdir_2016.csv           COW direct contiguity at the end of 2016 (land = 1);
#   Tests/Fixtures/data/country_code_crosswalk_countrycode.csv  COW → ISO alpha-3.
# Cases (undirected, mode "graph"; absent pairs 0):
#   linear:      coincidence ~ alliance + land over the 193 states with votes, netlm qapspp and qapy;
#   logistic:    alliance ~ coincidence + land over the states in all three sources, netlogit qapspp;
#   correlation: gcor(coincidence, alliance), qaptest.
# Usage (Debian: r-base-core, r-cran-sna, r-cran-jsonlite):
#   Rscript scripts/reference/qap_reference.R > Tests/Fixtures/reference/qap.json
suppressMessages({ library(sna); library(jsonlite) })
set.seed(1)
walk <- read.csv("Tests/Fixtures/data/country_code_crosswalk_countrycode.csv", stringsAsFactors = FALSE)
walk <- walk[!is.na(walk$cown) & !is.na(walk$iso3c) & walk$iso3c != "", ]
# COW 345 is Serbia since 2006 (Yugoslavia before), which the crosswalk leaves without an ISO code.
walk <- rbind(walk[, c("cown", "iso3c")], data.frame(cown = 345, iso3c = "SRB"))
iso <- function(cow) walk$iso3c[match(cow, walk$cown)]

votes <- read.csv("Tests/Fixtures/reference/qap/votes-coincidence.csv", stringsAsFactors = FALSE)
atop <- read.csv("Tests/Fixtures/data/atop5_1_undirected_2018.csv")
atop <- atop[rowSums(atop[, c("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")]) > 0, ]
atop <- data.frame(a = iso(atop$ccode1), b = iso(atop$ccode2), value = 1)
atop <- atop[!is.na(atop$a) & !is.na(atop$b), ]
cont <- read.csv("Tests/Fixtures/data/cow_contdir_2016.csv")
cont <- data.frame(a = iso(cont$a), b = iso(cont$b), value = cont$land)
cont <- cont[!is.na(cont$a) & !is.na(cont$b), ]

# A symmetric matrix over `actors` from pairs (absent pairs 0).
relation <- function(pairs, actors, value = "value") {
  m <- matrix(0, length(actors), length(actors), dimnames = list(actors, actors))
  keep <- pairs$a %in% actors & pairs$b %in% actors
  for (k in which(keep)) { m[pairs$a[k], pairs$b[k]] <- pairs[[value]][k]; m[pairs$b[k], pairs$a[k]] <- pairs[[value]][k] }
  m
}
coefficients <- function(fit, names, stat) {
  lapply(seq_along(names), function(k) list(name = names[k], estimate = unname(fit$coefficients[k]), statistic = unname(fit$tstat[k]),
    p_greater = unname(fit$pgreq[k]), p_less = unname(fit$pleeq[k]), p_two_sided = unname(fit$pgreqabs[k]),
    permutation_mean = mean(fit$dist[, k]), permutation_sd = sqrt(mean(fit$dist[, k]^2) - mean(fit$dist[, k])^2)))
}

out <- list(source = paste("sna", packageVersion("sna"), "on R", getRversion(), "(scripts/reference/qap_reference.R)"))
states <- sort(unique(c(votes$a, votes$b)))
y <- relation(votes, states, "coincidence"); x1 <- relation(atop, states); x2 <- relation(cont, states)
reps <- 1000
t0 <- proc.time()[["elapsed"]]
fit <- netlm(y, list(x1, x2), mode = "graph", nullhyp = "qapspp", reps = reps)
seconds <- proc.time()[["elapsed"]] - t0
out$linear <- list(actors = length(states), n = fit$n, reps = reps, seconds = seconds,
  coefficients = coefficients(fit, c("(intercept)", "alliance", "land")))
observed <- y[lower.tri(y)]
out$linear$r_squared <- 1 - sum(fit$residuals^2) / sum((observed - mean(observed))^2)
fity <- netlm(y, list(x1, x2), mode = "graph", nullhyp = "qapy", reps = reps)
out$linear_y <- list(reps = reps, coefficients = coefficients(fity, c("(intercept)", "alliance", "land")))

common <- sort(Reduce(intersect, list(states, unique(c(atop$a, atop$b)), unique(c(cont$a, cont$b)))))
ly <- relation(atop, common); lx1 <- relation(votes, common, "coincidence"); lx2 <- relation(cont, common)
lreps <- 200
t0 <- proc.time()[["elapsed"]]
lfit <- netlogit(ly, list(lx1, lx2), mode = "graph", nullhyp = "qapspp", reps = lreps)
lseconds <- proc.time()[["elapsed"]] - t0
out$logistic <- list(actors = length(common), n = lfit$n, reps = lreps, seconds = lseconds, deviance = lfit$deviance,
  null_deviance = lfit$null.deviance, aic = lfit$aic, coefficients = coefficients(lfit, c("(intercept)", "coincidence", "land")))

q <- qaptest(list(y, x1), gcor, g1 = 1, g2 = 2, mode = "graph", reps = reps)
out$correlation <- list(reps = reps, estimate = q$testval, p_greater = q$pgreq, p_less = q$pleeq, permutation_mean = mean(q$dist),
  permutation_sd = sqrt(mean(q$dist^2) - mean(q$dist)^2))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
