// dx-portal replaces @prisma/streams-local (a dependency of `prisma dev`, which needs Node.js 22)
// with this placeholder through package.json "overrides". Nothing in the project runs `prisma dev`.
throw new Error('@prisma/streams-local is not installed in dx-portal: `prisma dev` is not supported here. Use `npm run dev`.');
