import {defineCommandContract} from './commands-suite.js';

defineCommandContract(3);
