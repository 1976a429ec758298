/** Mocha's browser build (`mocha/mocha.js`): loaded for its side effect, the global `mocha` (a `BrowserMocha`). */
declare module 'mocha/mocha.js' {}
