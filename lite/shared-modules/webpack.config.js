// Merged by @jupyterlab/builder into its production config (package.json jupyterlab.webpackConfig).
// @jupyter/collaborative-drive declares its licence (BSD-3-Clause) in package.json but ships no
// licence file, so the builder's licence report has no text for it; only this message is ignored
// (as in extension/webpack.config.js).
module.exports = {
  ignoreWarnings: [(warning) => /could not find any license file for @jupyter\/collaborative-drive\./.test(typeof warning === "string" ? warning : warning.message)],
};
