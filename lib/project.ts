import pkg from '../package.json';
import { projectFacts, type PackageFacts } from './project-facts';

const facts: PackageFacts = pkg;
/** The version, source and issue tracker the options pages' footer shows (package.json, read at build time). */
export const PROJECT = projectFacts(facts);
