// @web/test-runner runs browser tests with mocha's BDD globals (describe, it, before, …).
/// <reference types="mocha" />
