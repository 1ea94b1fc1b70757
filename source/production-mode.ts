// Imported first by cli.tsx, before anything can load React. React picks its build when it
// is first loaded, from NODE_ENV; left unset, the development build runs, and it records a
// performance.measure entry on every render that Node keeps forever: the console's memory
// grew without bound (161 MB -> 979 MB in 10 minutes at --refresh 1). windsock is never
// anything but a production program, whatever the user's shell exports.
Object.assign(process.env, {NODE_ENV: 'production'});
export {};
