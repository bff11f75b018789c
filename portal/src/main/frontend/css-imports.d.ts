// TypeScript 6 refuses side-effect imports of style sheets without a module declaration (TS2882).
declare module '*.css';
