-- AlterEnum: the national team's role (issue 16).
ALTER TYPE "Role" ADD VALUE 'NATIONAL';
