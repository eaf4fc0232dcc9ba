#!/usr/bin/env Rscript
# Writes Tests/Fixtures/reference/permutation.json: reference values of the bloc permutation tests,
# computed here in R from the inputs scripts/reference/permutation_inputs.py writes (pairs tied and
# each actor's bloc), independently of the Swift code:
# - the seed (7 actors): every distinct labelling with the same bloc sizes enumerated (an exact test);
# - the UN alignment data (20 actors): 10,000 labellings drawn with R's sample() (a Monte Carlo test,
#   compared with the Swift draws within a binomial band).
# Statistics: E-I of the whole graph and of each bloc (Krackhardt and Stern), bloc densities on
# every tie, Newman's assortativity and the modularity of the blocs, each actor in no bloc a group
# of its own. Usage (Debian: r-base-core, r-cran-jsonlite):
#   Rscript scripts/reference/permutation_reference.R > Tests/Fixtures/reference/permutation.json
suppressMessages(library(jsonlite))
dir <- "Tests/Fixtures/reference/permutation"

statistics <- function(labels, paths, all, blocs) {
  same <- function(p) labels[p$a] != "" & labels[p$a] == labels[p$b]
  m <- nrow(paths)
  inside <- sum(same(paths))
  out <- c(ei = if (m > 0) (m - 2 * inside) / m else NaN)
  for (b in blocs) {
    ina <- labels[paths$a] == b; inb <- labels[paths$b] == b
    i <- sum(ina & inb); e <- sum(xor(ina, inb))
    out[paste("ei", b)] <- if (i + e > 0) (e - i) / (e + i) else NaN
  }
  for (x in blocs) for (y in blocs) {
    sx <- sum(labels == x); sy <- sum(labels == y)
    pairs <- if (x == y) sx * (sx - 1) / 2 else sx * sy
    tied <- sum((labels[all$a] == x & labels[all$b] == y) | (labels[all$a] == y & labels[all$b] == x))
    out[paste("density", x, y)] <- if (pairs > 0) tied / pairs else NaN
  }
  # Groups: the bloc, or the actor itself when in none.
  group <- ifelse(labels == "", names(labels), labels)
  degree <- table(factor(c(paths$a, paths$b), levels = names(labels)))
  share <- tapply(as.numeric(degree), group[names(degree)], sum) / (2 * m)
  within <- sum(group[paths$a] == group[paths$b]) / m
  s <- sum(share^2)
  out["assortativity"] <- if (s < 1) (within - s) / (1 - s) else NaN
  out["modularity"] <- within - s
  out
}

# Every distinct arrangement of a multiset of labels over the positions.
arrangements <- function(labels) {
  counts <- table(labels)
  place <- function(free, k) {
    if (k > length(counts)) return(list(character(0)))
    res <- list()
    for (chosen in combn(free, counts[[k]], simplify = FALSE)) {
      for (rest in place(setdiff(free, chosen), k + 1)) {
        res[[length(res) + 1]] <- c(setNames(rep(names(counts)[k], length(chosen)), chosen), rest)
      }
    }
    res
  }
  lapply(place(seq_along(labels), 1), function(x) x[order(as.integer(names(x)))])
}

summarise <- function(observed, draws, exact) {
  res <- list()
  for (s in names(observed)) {
    x <- observed[[s]]; if (is.nan(x)) next
    y <- draws[, s]; y <- y[!is.nan(y)]
    tol <- 1e-9 * max(1, abs(x))
    g <- sum(y >= x - tol); l <- sum(y <= x + tol); n <- length(y)
    res[[s]] <- list(observed = x, mean = mean(y), sd = sqrt(mean(y^2) - mean(y)^2),
                     p_greater = if (exact) g / n else (g + 1) / (n + 1), p_less = if (exact) l / n else (l + 1) / (n + 1))
  }
  res
}

cases <- list()
for (name in c("seed", "alignment")) {
  labels <- read.csv(file.path(dir, paste0(name, "-labels.csv")), colClasses = "character", na.strings = NULL)
  paths <- read.csv(file.path(dir, paste0(name, "-paths.csv")), colClasses = "character")
  all <- read.csv(file.path(dir, paste0(name, "-all.csv")), colClasses = "character")
  actual <- setNames(labels$bloc, labels$actor)
  blocs <- unique(actual[actual != ""])
  observed <- statistics(actual, paths, all, blocs)
  if (name == "seed") {
    draws <- t(sapply(arrangements(actual), function(a) statistics(setNames(unname(a), names(actual)), paths, all, blocs)))
    exact <- TRUE
  } else {
    set.seed(1)
    draws <- t(replicate(10000, statistics(setNames(sample(actual), names(actual)), paths, all, blocs)))
    exact <- FALSE
  }
  cases[[name]] <- list(blocs = blocs, labellings = nrow(draws), exact = exact, statistics = summarise(observed, draws, exact))
}
cat(toJSON(list(source = paste("R", getRversion(), "(scripts/reference/permutation_reference.R)"), cases = cases),
           auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
