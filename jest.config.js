/**
 * Jest runs TypeScript through @swc/jest (CommonJS output). ky 1.x ships ESM only and Jest's module
 * registry cannot require() ESM, so ky is transformed too, and so is strip-bom (ESM only, required by
 * @microsoft/app-manifest, which the manifest tests use).
 * Type checking is `tsc --noEmit`, run by `npm test` before Jest.
 * @type {import('jest').Config}
 */
const swc = [
  '@swc/jest',
  {
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(ky|strip-bom)/)'],
  testTimeout: 20000,
};
